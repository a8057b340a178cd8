"""The labels of models that moved between apps, for backups and exports made before."""

from __future__ import annotations

from typing import Any

# Models that moved between apps keep their tables (issue 16); a backup or an export made
# before the move names them by their old label.
MOVED_MODELS = {
    **{
        f"goals.{name}": f"organisations.{name}"
        for name in (
            "organisation",
            "person",
            "body",
            "membership",
            "executivepost",
            "posttenure",
            "focusarea",
            "discussionpartnerrule",
        )
    },
    **{
        f"goals.{name}": f"register.{name}"
        for name in (
            "interestdeclaration",
            "interest",
            "declarationversion",
            "declarationreview",
            "declarationrule",
            "registersettings",
        )
    },
}


def current_labels(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` with each moved model under the label it has now."""
    for row in rows:
        label = str(row.get("model", "")).lower()
        if label in MOVED_MODELS:
            row["model"] = MOVED_MODELS[label]
    return rows
