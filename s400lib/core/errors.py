"""Errors and warnings about the user's input files.

Every message names the file and says what to do about it, because the person reading it is
usually looking at a folder of articles, not at our code.
"""

from __future__ import annotations


class InputError(ValueError):
    """An input file or metadata row that s400lib cannot use as it is."""

    def __init__(self, path: str, problem: str, fix: str):
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.path}: {problem}. Fix: {fix}")


class InputWarning(UserWarning):
    """Reported instead of InputError when load_corpus runs with errors='warn'."""
