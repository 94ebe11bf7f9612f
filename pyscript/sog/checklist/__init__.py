"""My second-opinion checklist: data (items.json) and pure rules (model.py)."""
