"""The source documents' copies in tests/data/seeds/ are the originals in ../shared/seeds/,
byte for byte, wherever the originals are beside the repository (in development and in CI)."""

from pathlib import Path

import pytest
from django.conf import settings

COPIES = Path(settings.BASE_DIR) / "tests" / "data" / "seeds"
ORIGINALS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


@pytest.mark.skipif(not ORIGINALS.is_dir(), reason="../shared/seeds is not beside (a user's clone)")
def test_the_copies_are_the_source_documents_byte_for_byte():
    originals = sorted(p.name for p in ORIGINALS.glob("*.txt"))
    assert originals == sorted(p.name for p in COPIES.glob("*.txt"))
    for name in originals:
        assert (COPIES / name).read_bytes() == (ORIGINALS / name).read_bytes(), name
