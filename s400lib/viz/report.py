"""Executing the narrative notebooks and rendering them as an HTML report.

``python -m s400lib.viz.report notebooks --out reports`` runs every ``notebooks/NN_*.ipynb`` in reading
order (from the notebooks folder, as Jupyter would), writes one HTML page per notebook and an
``index.html`` linking them with the first paragraph of each. ``--in-place`` instead saves the
executed notebooks over the originals, refreshing the outputs that nbval compares against.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from pathlib import Path

import nbformat


def notebook_paths(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))


def execute(path: Path, timeout: int = 1200) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, from its own folder."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    # no execution timestamps in the saved notebooks: they would change every run and hide real diffs
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def _summary(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """Title (first heading) and first prose paragraph of a notebook, for the index page."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [line.strip() for line in cell.source.splitlines()]
        title = next((line.lstrip("# ") for line in lines if line.startswith("#")), "")
        prose = next((line for line in lines if line and not line.startswith("#")), "")
        return title, prose
    return "", ""


def key_findings(nb: nbformat.NotebookNode) -> list[str]:
    """The notebook's key findings: the Markdown shown by its cells tagged ``key-findings`` (computed
    from the outputs, so the index says what the notebook found this time), as bullet lines."""
    found: list[str] = []
    for cell in nb.cells:
        if "key-findings" not in cell.get("metadata", {}).get("tags", []):
            continue
        texts = [cell.source] if cell.cell_type == "markdown" else [
            out.get("data", {}).get("text/markdown", "") for out in cell.get("outputs", []) if out.get("output_type") in ("display_data", "execute_result")]
        for text in texts:
            found += [line.lstrip("-* ").strip() for line in text.splitlines() if line.strip().startswith(("-", "*")) and line.strip() != "*"]
    return found


def to_html(nb: nbformat.NotebookNode, title: str = "s400lib") -> str:
    """One self-contained page (images inline), titled after the notebook, with a link back to the index."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    # The lab template loads require.js and MathJax from a CDN; no page here uses either, and a report
    # opened offline or archived must not depend on a third-party server.
    offline = DictLoader({"offline.html.j2": "{%- extends 'lab/index.html.j2' -%}\n"
                          "{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}\n"
                          "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"})
    exporter = HTMLExporter(extra_loaders=[offline], template_file="offline.html.j2")
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    back = '<p style="margin:1rem 2rem"><a href="index.html">&larr; all notebooks</a></p>'
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + back, body, count=1)


def _build_stamp() -> str:
    """Build date, git commit and library version, for the index page."""
    import datetime
    import subprocess

    from ..core import VERSION

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"built {date}; commit {commit or 'unknown'}; s400lib {VERSION}"


def _inline_markdown(text: str) -> str:
    """Escaped text with the inline Markdown notebook prose uses (**bold**, *italic*, `code`) as HTML."""
    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", r"<em>\1</em>", text)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def write_index(out: Path, entries: list[tuple]) -> Path:
    def findings(items: list[str]) -> str:
        if not items:
            return ""
        return "<ul>" + "".join(f"<li>{_inline_markdown(x)}</li>" for x in items) + "</ul>"

    items = "\n".join(
        f'<li><a href="{html.escape(page)}">{html.escape(title)}</a> <small>({seconds:.0f} s)</small><p>{_inline_markdown(prose)}</p>'
        f'{findings(entry[4] if len(entry) > 4 else [])}</li>'
        for entry in entries for page, title, prose, seconds in [entry[:4]]
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>s400lib report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5}}li{{margin-bottom:1rem}}</style>
</head><body>
<h1>s400lib report</h1>
<p>Each page below is a notebook executed on the seed articles, in reading order, with its key findings.</p>
<p><small>{html.escape(_build_stamp())}</small></p>
<ol>
{items}
</ol>
</body></html>
"""
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m s400lib.viz.report", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder holding the NN_*.ipynb notebooks")
    parser.add_argument("--out", type=Path, default=Path("reports"), help="where the HTML pages go (default: reports)")
    parser.add_argument("--in-place", action="store_true", help="save executed notebooks over the originals instead")
    args = parser.parse_args(argv)

    paths = notebook_paths(args.folder)
    if not paths:
        print(f"{args.folder}: no NN_*.ipynb notebooks found", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    entries = []
    for path in paths:
        began = time.perf_counter()
        print(f"executing {path} ...", flush=True)
        nb = execute(path)
        seconds = time.perf_counter() - began
        if args.in_place:
            nbformat.write(nb, path)
            continue
        page = path.with_suffix(".html").name
        title, prose = _summary(nb)
        (args.out / page).write_text(to_html(nb, title or path.stem), encoding="utf-8")
        entries.append((page, title or path.stem, prose, seconds, key_findings(nb)))
    if not args.in_place:
        index = write_index(args.out, entries)
        print(f"report written to {index}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
