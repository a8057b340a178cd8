"""The ready rating scales an organisation starts from: (value, label in Finnish, label in
Swedish, counts as achieved %, colour) per level, from the lowest."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

PRESETS = {
    "traffic_light": {
        "title": _("Traffic light, three levels (as in Tuusula)"),
        "name_fi": "Tavoitteen toteutuminen",
        "name_sv": "Måluppfyllelse",
        "kind": "traffic_light",
        "levels": [
            (1, "Ei edennyt", "Inte framskridit", 0, "red"),
            (2, "Edennyt osittain", "Delvis framskridit", 50, "yellow"),
            (3, "Toteutunut", "Uppnått", 100, "green"),
        ],
    },
    "five": {
        "title": _("Five levels, 1–5 (heikko – erinomainen)"),
        "name_fi": "Arviointiasteikko 1–5",
        "name_sv": "Bedömningsskala 1–5",
        "kind": "ordinal",
        "levels": [
            (1, "Heikko", "Svag", 0, "red"),
            (2, "Välttävä", "Försvarlig", 25, "red"),
            (3, "Tyydyttävä", "Nöjaktig", 50, "yellow"),
            (4, "Hyvä", "God", 75, "green"),
            (5, "Erinomainen", "Utmärkt", 100, "green"),
        ],
    },
    "four": {
        "title": _("Four levels (ei toteutunut – ylittyi)"),
        "name_fi": "Toteutuminen, neljä tasoa",
        "name_sv": "Uppfyllelse, fyra nivåer",
        "kind": "ordinal",
        "levels": [
            (1, "Ei toteutunut", "Uppfylldes inte", 0, "red"),
            (2, "Toteutui osittain", "Uppfylldes delvis", 50, "yellow"),
            (3, "Toteutui", "Uppfylldes", 100, "green"),
            (4, "Ylittyi", "Överträffades", 100, "green"),
        ],
    },
    "percent": {
        "title": _("Per cent achieved, 0–100 %"),
        "name_fi": "Toteutumisaste",
        "name_sv": "Uppfyllelsegrad",
        "kind": "percent",
        "levels": [],
    },
}


def choices() -> list[tuple[str, str]]:
    return [(key, spec["title"]) for key, spec in PRESETS.items()]
