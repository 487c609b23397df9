"""Layer 1, structure: types, keys, enums, formats, ranges, references, article files."""
