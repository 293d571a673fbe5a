"""The border of the engine with files and the terminal: readers, record files, atomic
writes, output safety, secret masking and the progress line."""
