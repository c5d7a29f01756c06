"""The taxonomy as data: what it covers, and the mistakes it refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.taxonomy import DATA, TaxonomyError, load

# The 193 members of the United Nations, and its two observer states (VA, PS).
UN_MEMBERS = (
    "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH "
    "CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI "
    "FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP "
    "KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM "
    "NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST "
    "SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV "
    "UG UA AE GB US UY UZ VU VE VN YE ZM ZW"
).split()
OBSERVERS = ["VA", "PS"]


@pytest.fixture(scope="module")
def taxonomy():
    return load()


def test_every_un_member_and_observer_state_is_a_country(taxonomy):
    codes = {e.code for e in taxonomy.entries if e.kind == "country"}
    assert len(UN_MEMBERS) == 193
    assert set(UN_MEMBERS + OBSERVERS) <= codes


def test_every_country_belongs_to_a_region(taxonomy):
    for entry in taxonomy.entries:
        if entry.kind == "country":
            assert taxonomy.by_slug[entry.parent].kind == "region", entry.slug


def test_slugs_are_those_the_design_names(taxonomy):
    russia = taxonomy.by_slug["russia"]
    assert (russia.name, russia.code, russia.parent) == ("Russia", "RU", "eastern-europe")
    assert taxonomy.by_slug["united-states"].code == "US"
    maduro = taxonomy.by_slug["nicolas-maduro"]
    assert (maduro.name, maduro.kind, maduro.country) == ("Nicolás Maduro", "person", "venezuela")


def test_it_has_topics_of_every_kind(taxonomy):
    counts = taxonomy.counts()
    assert counts["country"] >= 195 and counts["region"] >= 30
    assert counts["person"] >= 100 and counts["organization"] >= 40 and counts["theme"] >= 15


def test_regions_have_their_countries_as_children(taxonomy):
    latin = [e.slug for e in taxonomy.children("south-america")]
    assert "venezuela" in latin and "brazil" in latin
    assert {e.slug for e in taxonomy.children("baltic-states")} == {
        "estonia",
        "latvia",
        "lithuania",
    }


def test_names_come_from_pycountry_and_stand_ins_from_the_curated_data(taxonomy):
    russia = {a.text: a.sense for a in taxonomy.by_slug["russia"].aliases}
    assert russia["Russian Federation"] == "name"  # pycountry's official name
    assert (russia["Moscow"], russia["Kremlin"], russia["Russians"]) == ("city", "seat", "demonym")
    us = {a.text for a in taxonomy.by_slug["united-states"].aliases}
    assert {"United States of America", "White House", "Washington", "U.S."} <= us


def edited(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the package's taxonomy with one file changed."""
    folder = tmp_path / "taxonomy"
    shutil.copytree(DATA, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("file", "old", "new", "reason"),
    [
        ("regions.toml", 'parent = "latin-america"', 'parent = "atlantis"', "not a topic"),
        (
            "regions.toml",
            '[europe]\nname = "Europe"',
            '[europe]\nname = "Europe"\nparent = "eastern-europe"',
            "circle",
        ),
        ("themes.toml", 'name = "Sanctions"', 'name = "Sanctions"\ncolour = "red"', "unknown keys"),
        (
            "countries.toml",
            'AT = { demonyms = ["Austrian"]',
            'AT = { demonyms = ["Austrian", "Russian"]',
            "names both",
        ),
        (
            "countries.toml",
            'ambiguous = ["Georgia",',
            'ambiguous = ["Gorgia",',
            "not one of its aliases",
        ),
        (
            "countries.toml",
            "[eastern-europe]\n",
            '[eastern-europe]\nQQ = { capital = "Nowhere" }\n',
            "not an ISO 3166 code",
        ),
        ("people.toml", 'country = "RU"', 'country = "XX"', "no known country"),
        ("themes.toml", "[sanctions]", '["Sanctions!"]', "not a slug"),
        ("countries.toml", "[sahel]", "[sahara]", "not a region"),
    ],
)
def test_mistakes_are_refused_with_a_reason(tmp_path, file, old, new, reason):
    with pytest.raises(TaxonomyError, match=reason):
        load(edited(tmp_path, file, old, new))


def test_a_file_that_is_not_toml_is_refused_with_its_name(tmp_path):
    folder = edited(tmp_path, "themes.toml", "[sanctions]", "[sanctions")
    with pytest.raises(TaxonomyError, match="themes.toml"):
        load(folder)
