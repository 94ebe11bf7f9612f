"""Weigh the two opinions: a worksheet that sets two doctors' advice side by side."""
