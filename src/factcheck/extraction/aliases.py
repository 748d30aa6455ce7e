"""The built-in alias table: countries, organisations and news outlets.

Aliases are written with ASCII apostrophes; matching runs on folded text, so
``Kata’ib`` (curly apostrophe) finds ``Kata'ib``.

Design choice on metonyms: a capital city used as an actor ("talks between
Washington and Baghdad") and phrases such as "US administration" or "the Iraqi
government" resolve to the *country* actor (``united-states``, ``iraq``). The
graph records who asserted what; telling a state from its government is left to
the reviewers. A capital after a place preposition ("in Washington") is a place,
not an actor, and is not matched (see ``actors``).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COUNTRIES", "ORGANISATIONS", "OUTLETS", "Country", "Organisation", "Outlet"]


@dataclass(frozen=True, slots=True)
class Country:
    """A state: its names, demonyms and capital (used as a metonym)."""

    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    """A non-state body or a state institution (``affiliation`` is a country key)."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet or agency."""

    name: str
    kind: str
    domain: str | None
    aliases: tuple[str, ...] = ()


def _c(name: str, aliases: str = "", demonyms: str = "", capitals: str = "") -> Country:
    def split(value: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in value.split("|") if v.strip())

    return Country(name, split(aliases), split(demonyms), split(capitals))


COUNTRIES: tuple[Country, ...] = (
    _c(
        "United States",
        "US|U.S.|USA|U.S.A.|United States of America|America|US administration|US government"
        "|U.S. administration|U.S. government|American administration|American government",
        "American|Americans",
        "Washington",
    ),
    _c("Iraq", "Iraqi government|Iraqi administration|Republic of Iraq", "Iraqi|Iraqis", "Baghdad"),
    _c("Iran", "Islamic Republic of Iran|Iranian government", "Iranian|Iranians", "Tehran"),
    _c("Syria", "Syrian government", "Syrian|Syrians", "Damascus"),
    _c("Israel", "Israeli government", "Israeli|Israelis", "Tel Aviv"),
    _c("Palestine", "Palestinian territories|State of Palestine", "Palestinian|Palestinians"),
    _c("Lebanon", "Lebanese government", "Lebanese", "Beirut"),
    _c("Jordan", "", "Jordanian|Jordanians", "Amman"),
    _c("Saudi Arabia", "Kingdom of Saudi Arabia|KSA", "Saudi|Saudis", "Riyadh"),
    _c("Yemen", "", "Yemeni|Yemenis", "Sanaa"),
    _c("Egypt", "", "Egyptian|Egyptians", "Cairo"),
    _c("Turkey", "Turkiye|T\u00fcrkiye", "Turkish", "Ankara"),
    _c("Qatar", "", "Qatari|Qataris", "Doha"),
    _c("United Arab Emirates", "UAE|Emirates", "Emirati|Emiratis", "Abu Dhabi"),
    _c("Kuwait", "", "Kuwaiti|Kuwaitis"),
    _c("Bahrain", "", "Bahraini|Bahrainis", "Manama"),
    _c("Oman", "", "Omani|Omanis", "Muscat"),
    _c("Afghanistan", "", "Afghan|Afghans", "Kabul"),
    _c("Pakistan", "", "Pakistani|Pakistanis", "Islamabad"),
    _c("India", "", "Indian|Indians", "New Delhi"),
    _c("China", "People's Republic of China|PRC", "Chinese", "Beijing"),
    _c("Japan", "", "Japanese", "Tokyo"),
    _c("North Korea", "DPRK", "North Korean|North Koreans", "Pyongyang"),
    _c("South Korea", "Republic of Korea", "South Korean|South Koreans", "Seoul"),
    _c("Russia", "Russian Federation", "Russian|Russians", "Moscow|Kremlin"),
    _c("Ukraine", "", "Ukrainian|Ukrainians", "Kyiv|Kiev"),
    _c("United Kingdom", "UK|U.K.|Britain|Great Britain", "British|Briton|Britons"),
    _c("France", "", "French", "Paris"),
    _c("Germany", "", "German|Germans", "Berlin"),
    _c("Italy", "", "Italian|Italians", "Rome"),
    _c("Spain", "", "Spanish", "Madrid"),
    _c("Poland", "", "Polish", "Warsaw"),
    _c("Canada", "", "Canadian|Canadians", "Ottawa"),
    _c("Mexico", "", "Mexican|Mexicans"),
    _c("Brazil", "", "Brazilian|Brazilians"),
    _c("Venezuela", "", "Venezuelan|Venezuelans", "Caracas"),
    _c("Cuba", "", "Cuban|Cubans", "Havana"),
    _c("Australia", "", "Australian|Australians", "Canberra"),
    _c("Libya", "", "Libyan|Libyans", "Tripoli"),
    _c("Sudan", "", "Sudanese", "Khartoum"),
    _c("Ethiopia", "", "Ethiopian|Ethiopians", "Addis Ababa"),
    _c("Somalia", "", "Somali|Somalis", "Mogadishu"),
    _c("Nigeria", "", "Nigerian|Nigerians", "Abuja"),
    _c("South Africa", "", "South African|South Africans", "Pretoria"),
    _c("Vietnam", "", "Vietnamese", "Hanoi"),
    _c("Indonesia", "", "Indonesian|Indonesians", "Jakarta"),
    _c("Taiwan", "", "Taiwanese", "Taipei"),
    _c("Armenia", "", "Armenian|Armenians", "Yerevan"),
    _c("Azerbaijan", "", "Azerbaijani|Azerbaijanis", "Baku"),
    _c("Georgia", "", "Georgian|Georgians", "Tbilisi"),
    _c("Belarus", "", "Belarusian|Belarusians", "Minsk"),
)

_ARMED = "armed_group"
_GOV = "government"
_ORG = "organisation"

ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation(
        "Kata'ib Hezbollah",
        _ARMED,
        (
            "Kataib Hezbollah",
            "Kata'ib Hizballah",
            "Kataib Hizballah",
            "Iraqi Hezbollah Brigades",
            "Hezbollah Brigades",
            "Hizballah Brigades",
        ),
    ),
    Organisation(
        "Popular Mobilization Units",
        _ARMED,
        (
            "PMU",
            "PMF",
            "Popular Mobilization Forces",
            "Popular Mobilisation Forces",
            "Popular Mobilisation Units",
            "Hashd al-Shaabi",
            "al-Hashd al-Shaabi",
            "Popular Mobilization Committee",
        ),
    ),
    Organisation("Hezbollah", _ARMED, ("Hizballah", "Hizbullah", "Lebanese Hezbollah")),
    Organisation("Hamas", _ARMED, ("Islamic Resistance Movement",)),
    Organisation("Palestinian Islamic Jihad", _ARMED, ("Islamic Jihad", "PIJ")),
    Organisation("Houthis", _ARMED, ("Houthi", "Ansar Allah", "Ansarullah", "Houthi movement")),
    Organisation("Islamic State", _ARMED, ("ISIS", "ISIL", "Daesh", "Islamic State of Iraq and the Levant")),
    Organisation("Al-Qaeda", _ARMED, ("al-Qaeda", "al-Qaida", "Al Qaeda", "al Qaeda")),
    Organisation("Taliban", _ARMED, ()),
    Organisation("Asa'ib Ahl al-Haq", _ARMED, ("Asaib Ahl al-Haq", "AAH")),
    Organisation("Harakat al-Nujaba", _ARMED, ("Nujaba", "al-Nujaba")),
    Organisation("Kata'ib Sayyid al-Shuhada", _ARMED, ("Kataib Sayyid al-Shuhada",)),
    Organisation("Islamic Resistance in Iraq", _ARMED, ()),
    Organisation("Wagner Group", _ARMED, ("Wagner",)),
    Organisation("Kurdistan Workers' Party", _ARMED, ("PKK",)),
    Organisation("Syrian Democratic Forces", _ARMED, ("SDF",)),
    Organisation("Al-Shabaab", _ARMED, ("al-Shabaab", "Al Shabaab")),
    Organisation("Boko Haram", _ARMED, ()),
    Organisation(
        "Islamic Revolutionary Guard Corps",
        _GOV,
        ("IRGC", "Revolutionary Guards", "Revolutionary Guard", "Islamic Revolutionary Guards Corps"),
        "iran",
    ),
    Organisation("Quds Force", _GOV, ("IRGC Quds Force", "Qods Force"), "iran"),
    Organisation("Peshmerga", _GOV, (), "iraq"),
    Organisation("Kurdistan Regional Government", _GOV, ("KRG",), "iraq"),
    Organisation(
        "Pentagon",
        _GOV,
        ("US Department of Defense", "Department of Defense", "DoD", "Department of War"),
        "united-states",
    ),
    Organisation("White House", _GOV, (), "united-states"),
    Organisation(
        "US State Department",
        _GOV,
        ("State Department", "US Department of State", "Department of State"),
        "united-states",
    ),
    Organisation("US Central Command", _GOV, ("CENTCOM", "Central Command"), "united-states"),
    Organisation("CIA", _GOV, ("Central Intelligence Agency",), "united-states"),
    Organisation("FBI", _GOV, ("Federal Bureau of Investigation",), "united-states"),
    Organisation("US Congress", _GOV, ("Congress",), "united-states"),
    Organisation("Federal Reserve", _GOV, ("the Fed",), "united-states"),
    Organisation(
        "United Nations",
        _ORG,
        ("UN", "U.N.", "United Nations Security Council", "UN Security Council", "UNSC"),
    ),
    Organisation("NATO", _ORG, ("North Atlantic Treaty Organization", "Nato")),
    Organisation("European Union", _ORG, ("EU", "E.U.")),
    Organisation("African Union", _ORG, ("AU",)),
    Organisation("Arab League", _ORG, ("League of Arab States",)),
    Organisation("International Atomic Energy Agency", _ORG, ("IAEA",)),
    Organisation("World Health Organization", _ORG, ("WHO", "World Health Organisation")),
    Organisation("International Monetary Fund", _ORG, ("IMF",)),
    Organisation("World Bank", _ORG, ()),
    Organisation("OPEC", _ORG, ("Organization of the Petroleum Exporting Countries",)),
    Organisation("International Criminal Court", _ORG, ("ICC",)),
    Organisation("International Court of Justice", _ORG, ("ICJ",)),
    Organisation("International Committee of the Red Cross", _ORG, ("ICRC", "Red Cross")),
    Organisation("Amnesty International", _ORG, ("Amnesty",)),
    Organisation("Human Rights Watch", _ORG, ("HRW",)),
)

OUTLETS: tuple[Outlet, ...] = (
    Outlet("Reuters", "agency", "reuters.com"),
    Outlet("Associated Press", "agency", "apnews.com", ("AP", "The Associated Press")),
    Outlet("Agence France-Presse", "agency", "afp.com", ("AFP", "Agence France Presse")),
    Outlet("Xinhua", "agency", "xinhuanet.com", ("Xinhua News Agency",)),
    Outlet("TASS", "agency", "tass.com", ("Tass",)),
    Outlet("RIA Novosti", "agency", "ria.ru", ("RIA",)),
    Outlet("Anadolu Agency", "agency", "aa.com.tr", ("Anadolu",)),
    Outlet("IRNA", "agency", "irna.ir", ("Islamic Republic News Agency",)),
    Outlet("Tasnim News Agency", "agency", "tasnimnews.com", ("Tasnim",)),
    Outlet("Fars News Agency", "agency", "farsnews.ir", ("Fars",)),
    Outlet("Mehr News Agency", "agency", "mehrnews.com", ("Mehr",)),
    Outlet("Iraqi News Agency", "agency", "ina.iq", ("INA",)),
    Outlet("SANA", "agency", "sana.sy", ("Syrian Arab News Agency",)),
    Outlet("CNN", "outlet", "cnn.com", ("Cable News Network",)),
    Outlet("BBC", "outlet", "bbc.com", ("BBC News", "British Broadcasting Corporation")),
    Outlet("Al Jazeera", "outlet", "aljazeera.com", ("Al-Jazeera", "Aljazeera")),
    Outlet("Al Arabiya", "outlet", "alarabiya.net", ("Al-Arabiya",)),
    Outlet("Al Mayadeen", "outlet", "almayadeen.net", ("Al-Mayadeen",)),
    Outlet("Press TV", "outlet", "presstv.ir", ("PressTV",)),
    Outlet("The New York Times", "outlet", "nytimes.com", ("New York Times", "NYT")),
    Outlet("The Washington Post", "outlet", "washingtonpost.com", ("Washington Post",)),
    Outlet("The Wall Street Journal", "outlet", "wsj.com", ("Wall Street Journal", "WSJ")),
    Outlet("Bloomberg", "outlet", "bloomberg.com", ("Bloomberg News",)),
    Outlet("Financial Times", "outlet", "ft.com", ("The Financial Times",)),
    Outlet("The Guardian", "outlet", "theguardian.com", ("Guardian",)),
    Outlet("Fox News", "outlet", "foxnews.com", ()),
    Outlet("NBC News", "outlet", "nbcnews.com", ("NBC",)),
    Outlet("CBS News", "outlet", "cbsnews.com", ("CBS",)),
    Outlet("ABC News", "outlet", "abcnews.go.com", ("ABC",)),
    Outlet("NPR", "outlet", "npr.org", ("National Public Radio",)),
    Outlet("Axios", "outlet", "axios.com", ()),
    Outlet("Politico", "outlet", "politico.com", ("POLITICO",)),
    Outlet("Sky News", "outlet", "news.sky.com", ()),
    Outlet("Deutsche Welle", "outlet", "dw.com", ("DW",)),
    Outlet("France 24", "outlet", "france24.com", ()),
    Outlet("Euronews", "outlet", "euronews.com", ()),
    Outlet("RT", "outlet", "rt.com", ("Russia Today",)),
    Outlet("Sputnik", "outlet", "sputnikglobe.com", ()),
    Outlet("Rudaw", "outlet", "rudaw.net", ()),
    Outlet("Kurdistan24", "outlet", "kurdistan24.net", ()),
    Outlet("Shafaq News", "outlet", "shafaq.com", ()),
    Outlet("Middle East Eye", "outlet", "middleeasteye.net", ()),
    Outlet("The Times of Israel", "outlet", "timesofisrael.com", ("Times of Israel",)),
    Outlet("Haaretz", "outlet", "haaretz.com", ()),
    Outlet("The Jerusalem Post", "outlet", "jpost.com", ("Jerusalem Post",)),
    Outlet("The Independent", "outlet", "independent.co.uk", ()),
    Outlet("The Economist", "outlet", "economist.com", ()),
    Outlet("Newsweek", "outlet", "newsweek.com", ()),
    Outlet("The Hill", "outlet", "thehill.com", ()),
    Outlet("ISWNews", "outlet", "iswnews.com", ("ISW News", "ISWNews Analysis Group")),
)
