"""The change under review (`validate --base REF`): the dataset against its state at a git ref."""
