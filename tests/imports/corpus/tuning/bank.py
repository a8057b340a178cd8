"""Invented content for the tuning corpus (organisations, goals, indicators, boilerplate)."""


def g(title, inds=(), area="", weight=None):
    return {"title": title, "indicators": list(inds), "area": area, "weight": weight}


def with_area(goals, area):
    return [dict(x, area=area) for x in goals]


# ---------------------------------------------------------------- Finnish goal bank
FI = {
    "talous": [
        g("Talous tasapainoon", ["Tilikauden tulos on ylijäämäinen", "Lainamäärä enintään 3 000 €/asukas", "Toimintakulujen kasvu alle 2 %"]),
        g("Talouden tasapainotusohjelman toimeenpano", ["Tasapainotusohjelman toimenpiteet on käynnistetty aikataulussa", "Säästötavoite 1,2 milj. euroa toteutuu"]),
        g("Investointiohjelman hallittu toteutus", ["Investoinnit toteutuvat talousarvion mukaisesti", "Hankkeiden kustannusarviot eivät ylity yli 5 %"]),
        g("Palveluverkkoselvityksen valmistelu ja päätöksenteon tuki", ["Palveluverkkoselvitys valmistuu kesäkuun loppuun mennessä", "Vaihtoehdot ja niiden taloudelliset vaikutukset on kuvattu"]),
        g("Tuottavuuden parantaminen digitalisaation avulla", ["Vähintään kolme sähköistä asiointipalvelua otetaan käyttöön", "Sähköisen laskutuksen osuus yli 90 %"]),
    ],
    "elinvoima": [
        g("Elinkeinoelämän toimintaedellytysten vahvistaminen", ["Yrityskäyntejä vähintään 40 vuodessa", "Uusien yritysten määrä kasvaa", "Yritysbarometrin kokonaisarvio vähintään 3,5"]),
        g("Asuntotuotannon edistäminen", ["Rakentamiskelpoisia tontteja on tarjolla vähintään 30", "Asemakaavoja hyväksytään aikataulun mukaisesti"]),
        g("Väestökehityksen kääntäminen kasvuun", ["Muuttotase on positiivinen", "Kuntamarkkinoinnin kampanja on toteutettu"]),
        g("Keskustan kehittämissuunnitelman eteenpäin vieminen", ["Keskustan yleissuunnitelma hyväksytään valtuustossa", "Torin peruskorjauksen hankesuunnitelma on valmis"]),
        g("Työllisyydenhoidon uudistuksen onnistunut toimeenpano", ["Työllisyysaste nousee", "Pitkäaikaistyöttömien määrä vähenee", "Työmarkkinatuen kuntaosuus alittaa budjetoidun"]),
        g("Matkailun ja tapahtumien vetovoiman kasvattaminen", ["Yöpymisten määrä kasvaa 5 %", "Tapahtuma-avustusten hakuprosessi on uudistettu"]),
    ],
    "hyvinvointi": [
        g("Kuntalaisten hyvinvoinnin ja terveyden edistäminen", ["Hyvinvointikertomus ja -suunnitelma on hyväksytty", "Liikuntapaikkojen käyttöaste kasvaa"]),
        g("Lasten ja nuorten hyvinvoinnin tukeminen", ["Harrastamisen Suomen malli toteutuu kaikissa kouluissa", "Koulukiusaamiseen puututaan viipymättä", "Nuorisotakuu toteutuu"]),
        g("Yhteistyö hyvinvointialueen kanssa", ["Yhteistyösopimus on päivitetty", "Johdon tapaamiset neljännesvuosittain"]),
        g("Ikäihmisten osallisuuden vahvistaminen", ["Vanhusneuvosto osallistetaan valmisteluun", "Asiointipalveluista on tehty asukaskysely"]),
        g("Sivistyspalvelujen laadun turvaaminen", ["Opetusryhmien koko pysyy valtakunnallisen keskiarvon alapuolella", "Varhaiskasvatuksen asiakastyytyväisyys vähintään 4,0"]),
    ],
    "henkilosto": [
        g("Henkilöstön hyvinvoinnin ja osaamisen vahvistaminen", ["Sairauspoissaolot alle 12 päivää/htv", "Henkilöstökyselyn johtamisen keskiarvo vähintään 3,8", "Kehityskeskustelut on käyty koko henkilöstön kanssa"]),
        g("Johtoryhmätyön kehittäminen", ["Johtoryhmän työskentely arvioidaan kahdesti vuodessa", "Johtoryhmän vuosikello on laadittu"]),
        g("Esihenkilötyön tukeminen", ["Esihenkilövalmennus on toteutettu", "Esihenkilöiden työnohjaus on käynnistetty"]),
        g("Rekrytointien onnistuminen sekä pito- ja vetovoima", ["Avoimiin tehtäviin saadaan vähintään viisi pätevää hakijaa", "Vakituisen henkilöstön vaihtuvuus alle 8 %"]),
        g("Muutosjohtaminen ja organisaatiouudistuksen toteutus", ["Uusi organisaatio aloittaa toimintansa 1.8.", "Henkilöstö on osallistettu valmisteluun"]),
    ],
    "yhteistyo": [
        g("Luottamushenkilöiden ja viranhaltijoiden yhteistyö", ["Päätösten valmistelu on laadukasta ja oikea-aikaista", "Luottamushenkilöiden koulutusohjelma on toteutettu"]),
        g("Strategian toimeenpanon johtaminen", ["Strategian vuositavoitteet toteutuvat", "Strategian toteutumisesta raportoidaan valtuustolle kahdesti vuodessa"]),
        g("Viestinnän ja vuorovaikutuksen kehittäminen", ["Viestintäsuunnitelma on päivitetty", "Asukastilaisuuksia järjestetään vähintään neljä"]),
        g("Seudullisen edunvalvonnan vahvistaminen", ["Edunvalvonnan kärkihankkeet on määritelty", "Naapurikuntien kanssa sovitut yhteistyöhankkeet etenevät"]),
        g("Tiedolla johtamisen kehittäminen", ["Johdon raportointinäkymä otetaan käyttöön", "Keskeiset tunnusluvut ovat luottamushenkilöiden käytettävissä neljännesvuosittain"]),
    ],
    "ymparisto": [
        g("Ilmastotavoitteiden edistäminen", ["Kunnan kiinteistöjen energiankulutus vähenee 3 %", "Hiilineutraaliusohjelman toimenpiteistä on raportoitu"]),
        g("Kiinteistöstrategian toteuttaminen", ["Tarpeettomien kiinteistöjen myynti etenee", "Kiinteistöjen korjausvelka ei kasva"]),
    ],
}

SV = [
    g("Ekonomin i balans", ["Räkenskapsperiodens resultat är positivt", "Lånestocken per invånare ökar inte", "Verksamhetskostnaderna ökar med högst 2 %"]),
    g("Ett livskraftigt näringsliv", ["Minst 30 företagsbesök per år", "Antalet nya företag ökar"]),
    g("Personalens välbefinnande och kompetens", ["Sjukfrånvaron under 10 dagar per årsverke", "Utvecklingssamtal förs med all personal"]),
    g("Strategins genomförande", ["Årsmålen i strategin uppnås", "Rapportering till fullmäktige två gånger per år"]),
    g("Samarbete med välfärdsområdet", ["Samarbetsavtalet har uppdaterats", "Regelbundna möten med välfärdsområdets ledning"]),
    g("Utveckling av kommunens centrum", ["Detaljplanen för centrum godkänns", "Ombyggnaden av torget inleds"]),
    g("Fungerande samarbete med de förtroendevalda", ["Ärendeberedningen håller hög kvalitet", "Utbildningsprogram för förtroendevalda genomförs"]),
    g("Digitalisering av kommunens tjänster", ["Minst tre nya e-tjänster tas i bruk", "Andelen e-fakturor över 90 %"]),
    g("Barns och ungas välbefinnande", ["Hobbyverksamhet erbjuds i alla skolor", "Mobbningen i skolorna minskar"]),
    g("Hållbar utveckling och klimatarbete", ["Energiförbrukningen i kommunens fastigheter minskar med 3 %", "Klimatprogrammet följs upp årligen"]),
]

TARGETS = ["≥ 80 %", "0 €", "alle 12 pv", "vähintään 3,8", "toteutunut", "kyllä", "+5 %", "≤ 2 %",
           "31.6. mennessä", "2 krt/v", "4 kpl", "valmis"]

# ---------------------------------------------------------------- boilerplate
PURPOSE_FI = [
    "Tavoitekeskustelun tarkoituksena on kirkastaa johtamistyön painopisteet ja sopia tavoitteista, "
    "joiden toteutumista seurataan vuoden aikana.",
    "Tavoitteet perustuvat kuntastrategiaan, talousarvioon ja johtajasopimukseen. Tavoitteiden avulla "
    "tuetaan kuntastrategian toimeenpanoa ja johtajan onnistumista työssään.",
    "Johtajasopimuksen mukaan kunnanhallitus asettaa vuosittain johtajalle tavoitteet, joiden "
    "toteutumista arvioidaan kehityskeskustelussa.",
]
CLOSING_FI = [
    "Palkkio maksetaan, kun tavoitteet on saavutettu.",
    "Tavoitteiden toteutumisesta raportoidaan kunnanhallitukselle.",
    "Tavoitteet ovat osa johtajasopimusta ja ne päivitetään vuosittain.",
    "Tulospalkkion suuruus on enintään yhden kuukauden palkka.",
]
