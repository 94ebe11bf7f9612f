"""The printable checklist page: the checklist's paper sheet, filled in."""
