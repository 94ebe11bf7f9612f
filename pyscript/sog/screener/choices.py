"""The answer choices each screener question offers. Pure.

Apart from rules.py so that pages which only read the screener's saved
answers (the checklist) need neither the rules nor the questions file.
"""


def answers_for(data, question):
    """The answer choices a question offers: its own, or the shared ones."""
    return question.get("answers") or data["answers"]


def answer_values(data, question=None):
    """The answer values a question allows (or the shared ones), in display order."""
    chosen = answers_for(data, question) if question is not None else data["answers"]
    return [answer["value"] for answer in chosen]
