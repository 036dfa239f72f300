"""Notebook prose against its outputs (issue 16).

nbval compares outputs, not prose, so a sentence such as "Four conflicts a careful reader would flag"
above a table of six passes it. The rule here: a count or a measured figure never sits in static
Markdown. It is computed in a code cell (IPython Markdown), which nbval then checks. Years, quoted
example text and code spans are allowed: they name things, they do not report what the code found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ANALYSIS = [p for p in NOTEBOOKS if p.name[:2] in ("02", "03", "04")]
NUMBER_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen"
_ALLOWED = [
    r"<details>.*?</details>",                    # exercise answers: facts checked against the seed texts
    r"`[^`]*`",                                   # code and values in code spans
    r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»",              # quoted example text
    r"\((?:\d\d_[\w.]+|#[\w-]+)\)",               # links to notebooks
    r"\b(?:1[6-9]\d\d|20\d\d)s?\b",               # years and decades
    r"\b[A-Z][A-Za-z]*-\d+[A-Z]?\b",             # designators and names with numbers: S-400, TempEval-3
    r"\[\d\d\b[^\]]*\]",                         # link texts naming a notebook
    r"^\s*(?:\*\*)?\d+\.(?:\*\*)?\s",            # list numbering
    r"^#+\s*\d+\s*[.·]",                          # numbered headings
    r"\bnotebooks?\s+(?:\d\d(?:,\s*|\s+and\s+|\s+to\s+)?)+",  # cross references to notebooks
    r"<[^>]+>",                                   # HTML tags
]


def numbers_in(prose: str) -> list[str]:
    """Counts and figures stated in static prose (see the module docstring for what is allowed)."""
    text = prose
    for pattern in _ALLOWED:
        text = re.sub(pattern, " ", text, flags=re.MULTILINE | re.IGNORECASE | re.DOTALL if "details" in pattern else re.MULTILINE | re.IGNORECASE)
    return re.findall(rf"(?<![A-Za-z])\d[\d.,%]*|\b(?:{NUMBER_WORDS})\b", text, flags=re.IGNORECASE)


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_the_checker_catches_the_defects_the_prose_had():
    assert numbers_in("Four conflicts a careful reader would flag:") == ["Four"]
    assert numbers_in("f_unseen.txt first scored 0.91 on speakers (3 of 8 wrong or missing)")
    assert numbers_in("quotes four legislators and one official")
    assert not numbers_in("In 2019 the “S-400” deal of `2.5e9` was signed; see notebook 06.")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_static_prose_states_no_count(path):
    found = {}
    for n, cell in enumerate(_cells(path)):
        if cell["cell_type"] == "markdown":
            hits = numbers_in("".join(cell["source"]))
            if hits:
                found[n] = hits
    assert not found, f"{path.name}: numbers in static Markdown (compute them in a cell instead): {found}"


@pytest.mark.parametrize("path", ANALYSIS, ids=lambda p: p.name)
def test_analysis_notebooks_have_folded_exercises_and_short_prose(path):
    prose = " ".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")
    assert prose.count("<details>") >= 2
    words = len(re.sub(r"<details>.*?</details>", " ", prose, flags=re.DOTALL).split())
    assert words <= 650, f"{path.name}: {words} words of prose outside the exercises"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_states_computed_key_findings(path):
    tagged = [c for c in _cells(path) if "key-findings" in c.get("metadata", {}).get("tags", [])]
    assert tagged and all(c["cell_type"] == "code" and c["outputs"] for c in tagged), path.name
