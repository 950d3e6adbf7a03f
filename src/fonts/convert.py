# Converts one face of a CFF-outline Noto CJK collection to a renamed, subset TrueType (glyf) font.
#
# Why: Chromium writes CFF-outline CJK text as Type 3 fonts (a prepress defect); a glyf font installed
# through fontconfig is embedded as CID TrueType with a ToUnicode map. Run with /usr/bin/python3
# (Debian's python3-fonttools). Errors are one line on stderr and exit status 1, so Folio can show them
# to a user as they are; FOLIO_DEBUG=1 adds the Python traceback.
#
#   convert.py --source X.ttc --family "Noto Serif CJK SC" --chars chars.txt \
#              --name "Folio Serif SC" --style Bold --out out.ttf
import argparse
import os
import sys
import traceback

try:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTCollection, TTFont, newTable
except ImportError as e:  # the wrong python3 (not Debian's) is the usual cause
    print(f"convert.py: fontTools is not available to {sys.executable} ({e})", file=sys.stderr)
    sys.exit(1)

BASE_CHARS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "base-chars.txt")

# Cubic-to-quadratic tolerance in font units (the em is 1000): invisible at any print size.
MAX_ERR = 1.0

# Beyond fontTools' defaults: CJK spacing and width features Chromium applies to Chinese text
# (halt/chws for text-spacing-trim, palt/vpal/vhal for proportional punctuation, width variants).
EXTRA_FEATURES = ["halt", "vhal", "palt", "chws", "vchw", "fwid", "hwid", "pwid", "twid", "qwid"]

# Name IDs that carry the family; all are replaced so the copy never collides with the system font.
FAMILY_NAME_IDS = (1, 2, 3, 4, 6, 16, 17, 18, 21, 22, 25)


class ConvertError(Exception):
    pass


def read_chars(path):
    """Characters in a file, ignoring line breaks and lines starting with '#'."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    chars = set()
    for line in text.splitlines():
        if not line.startswith("#"):
            chars.update(line)
    return chars


def find_face(source, family):
    """The collection index whose family name is `family`, or 0 for a single-font file."""
    if not source.lower().endswith((".ttc", ".otc")):
        return None
    collection = TTCollection(source, lazy=True)
    names = []
    for index, font in enumerate(collection.fonts):
        name = font["name"]
        found = name.getDebugName(16) or name.getDebugName(1)
        names.append(found)
        if found == family:
            return index
    raise ConvertError(f'no face "{family}" in {source} (it has: {", ".join(map(str, names))})')


def keep_only_language(font, tag):
    """Drop the OpenType language systems other than `tag` (plus each script's default).

    Folio sets Simplified Chinese only; the JAN/KOR/ZHT/ZHH `locl` forms would otherwise come along in
    the layout closure and add about half again as many glyphs (and conversion time) for nothing.
    """
    for table_tag in ("GSUB", "GPOS"):
        if table_tag not in font:
            continue
        for record in font[table_tag].table.ScriptList.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag == tag]
            script.LangSysCount = len(script.LangSysRecord)


def subset_font(font, chars):
    keep_only_language(font, "ZHS ")
    options = subset.Options()
    options.layout_features = list(options.layout_features) + EXTRA_FEATURES
    # CFF hints mean nothing to the TrueType rasteriser, and Chromium renders with hinting off anyway.
    options.hinting = False
    options.notdef_outline = True
    options.glyph_names = True
    # Keep the copyright, version and OFL licence entries: the licence must travel with a modified font.
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.recalc_bounds = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)


def cff_to_glyf(font):
    """Replace CFF outlines with quadratic glyf outlines (the fontTools otf2ttf recipe)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType ones clockwise: reverse while converting.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:  # vertical origins are a CFF-only table
        del font["VORG"]
    glyf.compile(font)

    # TrueType wants each advance's left side bearing to equal the outline's xMin.
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        advance, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.compile(font)  # fills numGlyphs and the point/contour maxima from glyf

    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, family, style):
    bold = style == "Bold"
    full = f"{family} {style}"
    ps = f"{family.replace(' ', '')}-{style}"
    name = font["name"]
    name.names = [n for n in name.names if n.nameID not in FAMILY_NAME_IDS]
    # A plain Regular/Bold pair needs only IDs 1 and 2; typographic names (16/17) would be redundant.
    for name_id, value in ((1, family), (2, style), (3, f"Folio:{ps}"), (4, full), (6, ps)):
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)

    os2 = font["OS/2"]
    os2.usWeightClass = 700 if bold else 400
    # fsSelection: bit 0 italic, bit 5 bold, bit 6 regular.
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    head = font["head"]
    head.macStyle = (head.macStyle & ~0b11) | (1 if bold else 0)


def main(argv):
    parser = argparse.ArgumentParser(description="Convert a CFF CJK face to a renamed TrueType subset.")
    parser.add_argument("--source", required=True, help="a .ttc/.otc collection or a single .otf")
    parser.add_argument("--family", required=True, help='family of the face to take, e.g. "Noto Serif CJK SC"')
    parser.add_argument("--chars", required=True, help="UTF-8 file with the characters to keep")
    parser.add_argument("--name", required=True, help='new family name, e.g. "Folio Serif SC"')
    parser.add_argument("--style", required=True, choices=["Regular", "Bold"])
    parser.add_argument("--out", required=True, help="the .ttf to write")
    args = parser.parse_args(argv)

    if not os.path.isfile(args.source):
        raise ConvertError(f"font not found: {args.source}")
    chars = read_chars(args.chars) | read_chars(BASE_CHARS_FILE)

    index = find_face(args.source, args.family)
    font = TTFont(args.source, fontNumber=index if index is not None else -1, lazy=True)
    if "CFF " not in font:
        raise ConvertError(f"{args.source} has no CFF outlines (already TrueType?)")
    subset_font(font, chars)
    cff_to_glyf(font)
    rename(font, args.name, args.style)
    font.save(args.out)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except ConvertError as e:
        print(f"convert.py: {e}", file=sys.stderr)
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - any fontTools failure becomes one readable line
        if os.environ.get("FOLIO_DEBUG"):
            traceback.print_exc()
        print(f"convert.py: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
