"""How a first plan starts: empty, or from a template.

The template "annual, two follow-ups" is the structure of the Tuusula document
(`tests/data/seeds/004_…`): the plan's basis in the director contract, the purpose of the goal
discussion and how the goals are evaluated, written for the organisation's own post and board;
a follow-up in August and an evaluation in January–February; a three-level traffic light. Its
goals are the organisation's own to write. The texts are marked for review: the plan is not
proposed before someone has read each one and confirmed or rewritten it."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from suunta.organisations.models import Body, ExecutivePost

TEMPLATES = {
    "annual": _(
        "From the template: an annual plan with two follow-ups (the structure of the Tuusula "
        "document: basis, purpose and evaluation texts, a follow-up in August and an "
        "evaluation in January–February, a three-level traffic light)"
    ),
    "empty": _("Empty: only the title and the period; everything else is written from scratch"),
}


def genitive_fi(title: str) -> str:
    """The Finnish genitive of a post's title, for the usual titles ("Kansliapäällikkö" →
    "Kansliapäällikön", "Kaupunginjohtaja" → "Kaupunginjohtajan"); any other title as
    "<title>:n" would be wrong, so it is left in the nominative with a dash instead."""
    words = title.strip().split(" ")
    last = words[-1]
    if last.endswith("kkö"):
        last = last[:-3] + "kön"
    elif last.endswith("kko"):
        last = last[:-3] + "kon"
    elif last.endswith(("ja", "jä", "ri", "ti", "ö", "o", "e")):
        last = last + "n"
    else:
        return ""
    return " ".join([*words[:-1], last])


def allative_fi(name: str) -> str:
    """ "kunnanhallitus" → "kunnanhallitukselle", "valtuusto" → "valtuustolle"."""
    if name.endswith("us"):
        return name[:-2] + "ukselle"
    return name + "lle"


def _board(post: ExecutivePost) -> tuple[str, str]:
    board = post.organisation.bodies.filter(kind=Body.Kind.BOARD).order_by("order").first()
    if board is not None:
        return (board.name_fi or "hallitus").lower(), (board.name_sv or "styrelsen").lower()
    return "hallitus", "styrelsen"


def build(template: str, post: ExecutivePost, year: int) -> dict[str, Any] | None:
    if template not in TEMPLATES:
        return None
    organisation = post.organisation
    languages = organisation.languages
    title_fi, title_sv = post.title_fi or post.title_sv, post.title_sv or post.title_fi
    gen = genitive_fi(title_fi)
    plan: dict[str, Any] = {
        "period_kind": "year",
        "period_start": datetime.date(year, 1, 1),
        "period_end": datetime.date(year, 12, 31),
    }
    texts = {
        "title_fi": f"{gen} tavoitteet" if gen else f"{title_fi} – tavoitteet",
        "title_sv": f"Mål för {title_sv.lower()}" if title_sv else "",
    }
    if template == "empty":
        plan.update({k: v for k, v in texts.items() if k[-2:] in languages})
        return {"plan": plan, "checkpoints": [], "review": []}
    board_fi, board_sv = _board(post)
    low = gen.lower() if gen else f"{title_fi.lower()}:n"
    texts.update(
        {
            "basis_fi": (
                "Kunnan strategian ja talousarvion toiminnan ja talouden tavoitteiden "
                f"perusteella määritellään niiden toimeenpanoon liittyvät {low} vuosittaiset "
                f"tavoitteet. Tavoite- ja kehityskeskustelut käydään vuosittain {low} kanssa. "
                "Tavoitteiden edistymistä seurataan kaksi kertaa vuodessa. Keskusteluissa "
                "arvioidaan edellisen vuoden tavoitteiden toteutumista, asetetaan tulevat "
                "tavoitteet ja käydään läpi koulutus- ja kehittymistarpeet. Keskusteluun "
                f"pohjautuen {board_fi} hyväksyy {low} vuositavoitteet. Tavoitteet kirjataan "
                "johtajasopimuksen liitteeksi otettavaan asiakirjaan, ja ne ovat vuosittain "
                "päivitettävä osa sopimusta."
            ),
            "purpose_fi": "\n".join(
                "• " + line
                for line in [
                    "Perustuu johtajasopimukseen",
                    "Kunnan strategiaa tukeva johtaminen sekä tekemisen painopisteiden "
                    "kirkastaminen",
                    f"{low.capitalize()} johtamistyön tavoitteiden ja niiden "
                    "arviointikriteerien asettaminen ja seuraaminen",
                    f"{low.capitalize()} työn ja tavoitteiden etenemisen säännöllinen arviointi",
                    "Poliittisen ja operatiivisen johdon yhteistyön kehittäminen",
                    f"{low.capitalize()} osaamisen kehittäminen ja työhyvinvoinnin varmistaminen",
                ]
            ),
            "evaluation_fi": "\n".join(
                "• " + line
                for line in [
                    f"Tavoitteet käydään läpi {low} kanssa ennen kuin {board_fi} hyväksyy ne.",
                    f"Tavoitteiden toteutumista arvioidaan elokuussa {year} ja "
                    f"tammi–helmikuussa {year + 1}.",
                    "Arvioinnin tarkoitus on tukea työssä onnistumista.",
                    f"Tavoitteiden toteutumisesta raportoidaan {allative_fi(board_fi)}.",
                ]
            ),
            "basis_sv": (
                "Utifrån kommunens strategi och budgetens mål för verksamhet och ekonomi "
                f"fastställs årliga mål för {title_sv.lower()} för att genomföra dem. Mål- och "
                f"utvecklingssamtal förs årligen med {title_sv.lower()}. Hur målen framskrider "
                "följs upp två gånger per år. I samtalen bedöms hur föregående års mål har "
                "uppnåtts, de kommande målen fastställs och behoven av utbildning och "
                f"utveckling gås igenom. Utgående från samtalet godkänner {board_sv} de årliga "
                "målen. Målen förs in i en handling som fogas till direktörsavtalet och "
                "uppdateras årligen."
            ),
            "purpose_sv": "\n".join(
                "• " + line
                for line in [
                    "Grundar sig på direktörsavtalet",
                    "Ledning som stöder kommunens strategi och tydliga prioriteringar i arbetet",
                    "Att ställa upp och följa målen för ledningsarbetet och kriterierna för "
                    "bedömningen av dem",
                    "Regelbunden bedömning av arbetet och av hur målen framskrider",
                    "Att utveckla samarbetet mellan den politiska och den operativa ledningen",
                    "Att utveckla kompetensen och säkerställa välbefinnandet i arbetet",
                ]
            ),
            "evaluation_sv": "\n".join(
                "• " + line
                for line in [
                    f"Målen gås igenom med {title_sv.lower()} innan {board_sv} godkänner dem.",
                    f"Hur målen har uppnåtts bedöms i augusti {year} och i januari–februari "
                    f"{year + 1}.",
                    "Syftet med bedömningen är att stöda arbetet.",
                    f"Om måluppfyllelsen rapporteras till {board_sv}.",
                ]
            ),
        }
    )
    plan.update({k: v for k, v in texts.items() if k[-2:] in languages})
    checkpoints = [
        {
            "label_fi": f"elokuu {year}",
            "label_sv": f"augusti {year}",
            "opens_on": datetime.date(year, 8, 1),
            "closes_on": datetime.date(year, 8, 31),
        },
        {
            "label_fi": f"tammikuu/helmikuu {year + 1}",
            "label_sv": f"januari/februari {year + 1}",
            "opens_on": datetime.date(year + 1, 1, 1),
            "closes_on": datetime.date(year + 1, 3, 1) - datetime.timedelta(days=1),
        },
    ]
    for checkpoint in checkpoints:
        for lang in ("fi", "sv"):
            if lang not in languages:
                checkpoint.pop(f"label_{lang}")
    return {
        "plan": plan,
        "checkpoints": checkpoints,
        "review": ["title", "basis", "purpose", "evaluation"],
        "scale": "traffic_light",
        "scale_preset": "traffic_light",
    }
