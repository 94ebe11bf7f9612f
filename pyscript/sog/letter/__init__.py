"""My records-request letter: a letter asking an office for copies of your records."""
