"""Generate rules/zones.jsonl and rules/zone_places.jsonl from the official lists.

    python scripts/build_zone_rules.py [--gazetteer ../shared/gazetteer] [--adcodes PATH]

rules/zones.jsonl: one listed zone a line, with every surface news uses for it.  Short
forms are derived by rule from the official full name (…高新技术产业开发区 → …高新区,
…经济技术开发区 → …经开区 / …开发区, province or city prefix dropped), so a new list
row gets its short forms without anyone writing them.

rules/zone_places.jsonl: provinces, cities, counties and districts, with and without
their administrative suffix.  The county level comes from the adcode table shipped in
the MIT-licensed ``cpca`` wheel (cpca/resources/adcodes.csv); pass ``--adcodes`` or have
cpca installed.  Without it the existing file's county rows are kept, so a rebuild never
silently loses them.  Both files are committed: the pipeline needs neither ../shared nor
cpca at run time.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.textnorm import to_halfwidth  # noqa: E402

PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")

# Prefix words that describe an industry rather than name a place: dropping the city
# from 长春汽车经开区 must not leave a "汽车经开区" that matches any car-industry zone.
GENERIC_STEMS = {
    "汽车", "医药", "化学工业", "化学", "化工", "稀土", "钒钛", "火炬", "农业", "临港", "临空",
    "空港", "出口加工", "综合", "新材料", "高新", "经济", "技术", "工业", "科技", "航空港",
    "保税", "装备", "石化", "软件", "国际", "中心", "高端产业", "科技创新", "国际商务服务",
    "海南岛全岛", "新兴", "现代", "生态", "海洋", "港口", "物流", "航天", "航空", "金融", "商贸",
    "招商", "利民",
}

# Regions that news uses as places although no administrative unit has the name.
REGIONS = ["长三角", "珠三角", "京津冀", "长株潭", "粤港澳大湾区", "成渝", "环渤海", "中原城市群",
           "海峡西岸", "大湾区", "东北三省"]

# Kinds of zone name ending: (official ending, short endings news uses).
HITECH_ENDINGS = [
    ("农业高新技术产业示范区", ["农业高新技术产业示范区", "农高区", "示范区"]),
    ("高新技术产业开发区", ["高新技术产业开发区", "高新区", "国家高新区", "国家高新技术产业开发区"]),
    ("高新技术产业园区", ["高新技术产业园区", "高新区", "国家高新区"]),
    ("高技术产业开发区", ["高技术产业开发区", "高新区", "国家高新区"]),
    ("新技术开发区", ["新技术开发区", "高新区"]),
]
ETDZ_ENDINGS = [
    ("经济技术开发区", ["经济技术开发区", "经开区", "开发区", "经济开发区", "国家级经济技术开发区"]),
    ("新兴技术开发区", ["新兴技术开发区", "开发区"]),
    ("经济开发区", ["经济开发区", "开发区"]),
]


def strip_province(name: str) -> str:
    for suf in PROVINCE_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


def strip_city(name: str) -> str:
    for suf in ("朝鲜族自治州", "彝族自治州", "回族自治州", "自治州", "地区", "盟", "市"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


def prefix_variants(prefix: str, province: str, city: str, known_places: set[str]) -> set[str]:
    """The place prefix as written, without 市, without its province or its city."""
    out = {prefix}
    if prefix.endswith("市") and len(prefix) >= 3:
        out.add(prefix[:-1])
    for p in list(out):
        for lead in (strip_province(province), strip_city(city)):
            if lead and p.startswith(lead) and len(p) - len(lead) >= 2:
                rest = p[len(lead):]
                # The remainder stands alone only if it is itself a name, not an industry word.
                if rest in known_places or (rest not in GENERIC_STEMS and not any(
                        g in rest for g in ("汽车", "医药", "化学", "化工", "火炬", "临港"))):
                    out.add(rest)
    return {p for p in out if len(p) >= 2}


def derived_surfaces(full: str, endings: list, province: str, city: str,
                     known_places: set[str], national: bool = True) -> set[str]:
    for ending, shorts in endings:
        if full.endswith(ending) and len(full) > len(ending):
            prefix = full[: -len(ending)]
            if not national:
                shorts = [s for s in shorts if "国家" not in s]
            return {p + s for p in prefix_variants(prefix, province, city, known_places) for s in shorts}
    return set()


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def split_aliases(value: str | None) -> list[str]:
    if not value:
        return []
    # Parenthesised explanations and ASCII codes (SIP) are not names news writes.
    out = []
    for a in value.split("|"):
        a = a.strip()
        if not a or a.isascii() or "（" in a and "区域" in a:
            continue
        out.append(a)
    return out


class ZoneTable:
    """Collects zones; resolves a surface claimed by two zones by rank, dropping ties."""

    def __init__(self) -> None:
        self.zones: dict[str, dict] = {}
        self.claims: dict[str, list[tuple[int, str]]] = {}
        self.stems: dict[str, str] = {}

    def add(self, zone_type: str, name: str, province: str, explicit: list[str], derived: set[str],
            rank: int, **extra: object) -> None:
        name = to_halfwidth(name)
        zid = f"{zone_type}:{name}"
        if any(z["name"] == name for z in self.zones.values()):
            return  # listed twice (苏州工业园区 is both hi-tech zone and ETDZ): first list wins
        self.zones[zid] = {"zone_id": zid, "name": name, "zone_type": zone_type,
                           "province": province, **extra}
        for s in [name, *explicit]:
            self._claim(to_halfwidth(s), rank, zid)
        for s in derived:
            self._claim(to_halfwidth(s), rank + 10, zid)
        for s in [name, *explicit, *derived]:
            for ending in ("经济技术开发区", "高新技术产业开发区", "经济开发区", "高新区", "经开区",
                           "开发区", "新区", "综合保税区", "保税港区", "保税区"):
                if s.endswith(ending):
                    stem = to_halfwidth(s[: -len(ending)])
                    if (not stem.endswith("国家") and not stem.startswith(("省", "市"))
                            and all("\u4e00" <= c <= "\u9fff" for c in stem)
                            and not any(g in stem for g in GENERIC_STEMS)):
                        self.stems.setdefault(stem, province)
                    break

    def _claim(self, surface: str, rank: int, zid: str) -> None:
        if len(surface) < 2:
            return
        self.claims.setdefault(surface, []).append((rank, zid))

    def rows(self) -> list[dict]:
        surfaces: dict[str, list[str]] = {zid: [] for zid in self.zones}
        for surface, claims in self.claims.items():
            claims.sort()
            best = claims[0][0]
            winners = {zid for rank, zid in claims if rank == best}
            # A zone's own official name beats another zone's alias for it: the 中关村
            # hi-tech row lists 中关村国家自主创新示范区 as an alias, the IDZ list names it.
            named = {zid for zid in winners if self.zones[zid]["name"] == surface}
            if len(named) == 1:
                winners = named
            if len(winners) == 1:
                surfaces[winners.pop()].append(surface)
        rows = []
        for zid, z in self.zones.items():
            rows.append({**z, "surfaces": sorted(set(surfaces[zid]), key=lambda s: (-len(s), s))})
        return rows


def admin_rows(adcodes: Path) -> list[dict]:
    """Provinces, cities, counties and districts from a cpca adcodes.csv."""
    nations_file = adcodes.parent / "56_nations.csv"
    nations = [l.strip() for l in nations_file.read_text(encoding="utf-8").splitlines()[1:] if l.strip()]
    nation_stems = sorted({n[:-1] if n.endswith("族") else n for n in nations}, key=len, reverse=True)
    provinces: dict[str, str] = {}
    rows = []
    for r in read_csv(adcodes):
        code, name = r["adcode"], r["name"]
        if code[2:] == "0" * 10:
            provinces[code[:2]] = name
    for r in read_csv(adcodes):
        code, name = r["adcode"], r["name"]
        if name == "市辖区":
            continue
        if code[2:] == "0" * 10:
            level = "province"
        elif code[4:] == "0" * 8:
            level = "prefecture"
        else:
            level = "county"
        rows.append({"name": name, "short": short_admin(name, nation_stems), "level": level,
                     "province": provinces.get(code[:2], "")})
    return rows


def short_admin(name: str, nation_stems: list[str]) -> str | None:
    for suf in ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "地区", "省", "市", "县",
                "区", "旗", "盟"):
        if name.endswith(suf):
            stem = name[: -len(suf)]
            if suf.startswith("自治") or suf == "自治区":
                # 延边朝鲜族自治州 → 延边, 广西壮族自治区 → 广西: peel nation names off the end.
                changed = True
                while changed:
                    changed = False
                    if stem.endswith("各族"):  # 隆林各族自治县: "all nations"
                        stem = stem[:-2]
                    elif stem.endswith("族"):
                        stem = stem[:-1]
                    for n in nation_stems:
                        if stem.endswith(n) and len(stem) - len(n) >= 2:
                            stem = stem[: -len(n)]
                            changed = True
                            break
            return stem if len(stem) >= 2 else None
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gazetteer", type=Path, default=ROOT.parent / "shared" / "gazetteer")
    ap.add_argument("--adcodes", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "rules")
    args = ap.parse_args()
    g = args.gazetteer

    adcodes = args.adcodes
    if adcodes is None and importlib.util.find_spec("cpca"):
        adcodes = Path(importlib.util.find_spec("cpca").origin).parent / "resources" / "adcodes.csv"
    places_path = args.out / "zone_places.jsonl"
    committed = ROOT / "rules" / "zone_places.jsonl"
    if adcodes is not None:
        admin = admin_rows(adcodes)
    elif committed.exists():
        admin = [json.loads(l) for l in committed.read_text(encoding="utf-8").splitlines()
                 if l.strip() and json.loads(l)["level"] not in ("region", "zone_stem")]
    else:
        admin = []

    hitech = read_csv(g / "national_hitech_zones.csv")
    etdz = read_csv(g / "national_etdz.csv")
    # Province and city columns of the lists are places too, whatever adcodes says.
    for r in hitech + etdz:
        for col, level in (("province", "province"), ("city", "prefecture")):
            v = r.get(col) or ""
            if v and not any(a["name"] == v for a in admin):
                admin.append({"name": v, "short": strip_city(strip_province(v)), "level": level,
                              "province": r["province"]})
    admin.extend({"name": n, "short": None, "level": "region", "province": ""} for n in REGIONS)
    known_places = {a["short"] for a in admin if a["short"]} | {a["name"] for a in admin}

    table = ZoneTable()
    for r in hitech:
        explicit = [r["short_name"], *split_aliases(r["aliases"])]
        derived: set[str] = set()
        for f in [r["full_name"], *explicit]:
            derived |= derived_surfaces(f, HITECH_ENDINGS, r["province"], r["city"], known_places)
        table.add("hitech", r["full_name"], r["province"], explicit, derived, rank=0,
                  level="national", city=r["city"])
    for r in etdz:
        explicit = [r["short_name"], *split_aliases(r["aliases"])]
        derived = set()
        for f in [r["full_name"], *explicit]:
            derived |= derived_surfaces(f, ETDZ_ENDINGS, r["province"], r["city"], known_places)
        table.add("etdz", r["full_name"], r["province"], explicit, derived, rank=0,
                  level="national", city=r["city"], status=r.get("status", ""))
    for r in read_csv(g / "new_areas.csv"):
        prov = strip_province(r["province"])
        derived = set()
        for f in (r["full_name"], r["short_name"]):
            if f.startswith(prov) and len(f) - len(prov) >= 4:
                derived.add(f[len(prov):])
        table.add("new_area", r["full_name"], r["province"], [r["short_name"]], derived, rank=0)
    ftz_rows = read_csv(g / "free_trade_zones.csv")
    ftz_names: dict[str, list[str]] = {}
    for r in ftz_rows:
        full = to_halfwidth(r["full_name"])
        stem = full[full.index("(") + 1: full.index(")")]
        forms = [full, f"中国({stem})自贸区", f"中国({stem})自贸试验区", f"{stem}自由贸易试验区",
                 f"{stem}自贸区", f"{stem}自贸试验区"]
        if full not in ftz_names:
            ftz_names[full] = forms
            table.add("ftz", full, r["province"], forms[1:], set(), rank=0)
    for r in ftz_rows:
        full = to_halfwidth(r["full_name"])
        area = to_halfwidth(r["area"])
        explicit = [f + area for f in ftz_names[full][1:]]
        derived = set()
        stem = area[:-2] if area.endswith("片区") else area
        # A bare area name is a zone only if it is a name of its own (临港新片区, 前海蛇口片区),
        # not a city (合肥片区 = "the Hefei part") or a description (科技创新片区).
        if stem not in known_places and stem not in GENERIC_STEMS and area != stem + "全岛":
            derived.add(area)
            prov = strip_province(r["province"])
            if area.startswith(prov) and len(area) - len(prov) >= 4:
                derived.add(area[len(prov):])  # 上海外高桥保税区 → 外高桥保税区
            # 深圳前海蛇口片区 → 前海蛇口片区: a city before a name of its own (not 大兴 of 大兴机场,
            # nor 滨海 of 滨海新区)
            city = next((area[:k] for k in (2, 3) if area[:k] in known_places), "")
            rest = stem[len(city):]
            if city and len(rest) >= 3 and rest not in known_places and rest not in GENERIC_STEMS \
                    and not rest.startswith(("新区", "区", "县", "市")):
                derived.add(rest + area[len(stem):])
        table.add("ftz_area", r["area_full_name"], r["province"], explicit, derived, rank=1,
                  ftz=full)
    for r in read_csv(g / "innovation_demo_zones.csv"):
        name = r["name"]
        stem = name.replace("国家自主创新示范区", "")
        explicit = [stem + "自主创新示范区", stem + "国家自创区", stem + "自创区"] if stem else []
        if stem and stem not in known_places:
            # 中关村示范区, 苏南示范区: a stem that is no place's name is the zone's own with 示范区
            # (深圳示范区, 成都示范区 could be any of the city's 示范区)
            explicit.append(stem + "示范区")
        table.add("idz", name, r["province"], explicit, set(), rank=0,
                  member_zones=r["member_zones"].split("|"))
    for r in read_csv(g / "provincial_hitech_zones.csv"):
        full = r["full_name"]
        explicit: list[str] = []
        derived = derived_surfaces(full, HITECH_ENDINGS, r["province"], "", known_places,
                                   national=False)
        # Provincial rows rank below national ones: a national zone keeps a shared short form.
        table.add("hitech", full, r["province"], explicit, derived, rank=2, level="provincial")

    # The place part of listed zone names (燕郊, 曹妃甸, 漕河泾) anchors the left edge of
    # unlisted zones named after the same place (正东燕郊经济技术开发区 → 燕郊…).
    have = {a["name"] for a in admin} | {a["short"] for a in admin if a["short"]}
    for stem, prov in sorted(table.stems.items()):
        if stem not in have and stem not in GENERIC_STEMS and 2 <= len(stem) <= 4:
            admin.append({"name": stem, "short": None, "level": "zone_stem", "province": prov})

    args.out.mkdir(exist_ok=True)
    rows = table.rows()
    with (args.out / "zones.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    seen = set()
    order = {"province": 0, "prefecture": 1, "county": 2, "region": 3, "zone_stem": 4}
    with places_path.open("w", encoding="utf-8") as fh:
        for a in sorted(admin, key=lambda a: (order[a["level"]], a["province"], a["name"])):
            key = (a["name"], a["level"], a["province"])
            if key in seen:
                continue
            seen.add(key)
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(f"{len(rows)} zones, {sum(len(r['surfaces']) for r in rows)} surfaces, {len(seen)} places")


if __name__ == "__main__":
    main()
