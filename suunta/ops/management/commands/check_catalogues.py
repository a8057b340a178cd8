"""Fail when a translation is missing: every msgid of the code and templates must be
translated (not fuzzy, not empty) in fi, sv and en, and the catalogues must be up to date."""

import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

LANGUAGES = ["fi", "sv", "en"]


class Command(BaseCommand):
    help = "Check that the fi, sv and en catalogues are complete and up to date."

    def handle(self, *args, **options):
        problems: list[str] = []
        locale = Path(settings.BASE_DIR) / "locale"
        if shutil.which("xgettext"):
            problems += self._stale(locale)
        else:
            self.stdout.write("xgettext not found: checking completeness only.")
        for lang in LANGUAGES:
            po = polib.pofile(str(locale / lang / "LC_MESSAGES" / "django.po"))
            for entry in po:
                if entry.obsolete:
                    continue
                if "fuzzy" in entry.flags:
                    problems.append(f"{lang}: fuzzy: {entry.msgid!r}")
                elif entry.msgid_plural:
                    if not all(entry.msgstr_plural.values()):
                        problems.append(f"{lang}: untranslated plural: {entry.msgid!r}")
                elif not entry.msgstr:
                    problems.append(f"{lang}: untranslated: {entry.msgid!r}")
        if problems:
            raise CommandError("Translation check failed:\n  " + "\n  ".join(problems))
        self.stdout.write(self.style.SUCCESS("Translations complete in fi, sv and en."))

    def _stale(self, locale: Path) -> list[str]:
        """msgids in the code and templates that the catalogues lack, or no longer use."""
        from django.core.management import call_command

        problems = []
        with tempfile.TemporaryDirectory() as tmp:
            tmp_locale = Path(tmp) / "locale"
            shutil.copytree(locale, tmp_locale)
            original = list(settings.LOCALE_PATHS)
            try:
                settings.LOCALE_PATHS = [tmp_locale]
                call_command(
                    "makemessages",
                    locale=LANGUAGES,
                    no_obsolete=True,
                    no_location=True,
                    ignore_patterns=[".venv", ".tools", "staticfiles", "node_modules"],
                    verbosity=0,
                )
            finally:
                settings.LOCALE_PATHS = original
            for lang in LANGUAGES:
                fresh = _ids(tmp_locale / lang / "LC_MESSAGES" / "django.po")
                current = _ids(locale / lang / "LC_MESSAGES" / "django.po")
                problems += [f"{lang}: missing from the catalogue: {m!r}" for m in fresh - current]
                problems += [f"{lang}: no longer used: {m!r}" for m in current - fresh]
        return problems


def _ids(path: Path) -> set[tuple[str, str]]:
    return {(e.msgctxt or "", e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}
