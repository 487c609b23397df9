"""Starting a dataset: `python -m checks init DIR` writes an empty one in the shipped layout."""
