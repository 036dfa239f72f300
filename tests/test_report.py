"""The HTML report: notebooks executed in order, one page each, and an index linking them."""

from __future__ import annotations

import re

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from s400lib.viz import report


def _notebook(path, heading, prose, source):
    nb = new_notebook(cells=[new_markdown_cell(f"# {heading}\n\n{prose}"), new_code_cell(source)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def test_report_executes_notebooks_and_writes_index(tmp_path):
    books = tmp_path / "notebooks"
    books.mkdir()
    _notebook(books / "02_second.ipynb", "Second look", "Counts things.", "print(sum(range(5)))")
    _notebook(books / "01_first.ipynb", "First look", "Opens the corpus.", "from pathlib import Path\nprint(Path.cwd().name)")
    (books / "scratch.ipynb").write_text("not a numbered notebook")
    out = tmp_path / "reports"
    assert report.main([str(books), "--out", str(out)]) == 0
    index = (out / "index.html").read_text()
    assert index.index("First look") < index.index("Second look")
    assert "Opens the corpus." in index and "scratch" not in index
    first = (out / "01_first.html").read_text()
    assert ">notebooks<" in first or "notebooks\n" in first  # executed from the notebook's own folder
    assert "10" in (out / "02_second.html").read_text()


def test_report_on_empty_folder_says_so(tmp_path, capsys):
    assert report.main([str(tmp_path), "--out", str(tmp_path / "r")]) == 2
    assert "no NN_*.ipynb notebooks" in capsys.readouterr().err


def test_index_prose_renders_inline_markdown_and_escapes_the_rest():
    from s400lib.viz.report import _inline_markdown

    got = _inline_markdown("**Question.** Who said *what* in `sl.parse`, if a*b < c?")
    assert got == "<strong>Question.</strong> Who said <em>what</em> in <code>sl.parse</code>, if a*b &lt; c?"


def test_pages_are_titled_link_back_and_the_index_lists_key_findings(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from s400lib.viz.report import key_findings, to_html, write_index

    cell = new_code_cell("Markdown(...)", outputs=[new_output("display_data", data={"text/markdown": "- 3 quotes found\n- one conflict"})])
    cell.metadata["tags"] = ["key-findings"]
    nb = new_notebook(cells=[new_markdown_cell("# 09 · A test page\n\nWhat it asks."), cell])
    assert key_findings(nb) == ["3 quotes found", "one conflict"]
    page = to_html(nbformat.from_dict(nb), "09 · A test page")
    assert "<title>09 · A test page</title>" in page and 'href="index.html"' in page
    # Self-contained: nothing is fetched from another server when the page is opened.
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', page)
    index = write_index(tmp_path, [("09_test.html", "09 · A test page", "What it asks.", 1.0, key_findings(nb))]).read_text()
    assert "3 quotes found" in index and "s400lib 0.1.0" in index and "built " in index


def test_rates_figure_draws_one_bar_per_part_and_measure_and_a_target_each():
    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd

    from s400lib.viz.plots import plot_rates

    rates = pd.DataFrame({"speakers_right": [0.85, 0.95], "conflict_recall": [0.0, 0.51]}, index=["heldout", "dev"])
    fig = plot_rates(rates, {"speakers right": ("speakers_right", 0.9), "conflict recall": ("conflict_recall", 0.7)})
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    widths = sorted(round(p.get_width(), 2) for p in ax.patches)
    assert widths == [0.0, 0.51, 0.85, 0.95]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["speakers right", "conflict recall"]
    assert sorted(line.get_xdata()[0] for line in ax.lines) == [0.7, 0.9]
