"""Reading a dataset folder: strict CSV tables, article texts, the rules file."""
