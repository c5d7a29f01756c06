"""Turn article files into rows: read → decode → parse → tag → load."""
