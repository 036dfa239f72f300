"""Figures, quote views and the HTML reports."""
