"""The versions of what the index stores, in a module of their own so that opening an unchanged
index reads them without importing the ingest and quotation rules (a fifth of a second)."""

# Bump when cleaning or detection rules change, so that stored indexes re-ingest.
INGEST_VERSION = 39

# Bump when marks or attribution change what they find, so that stored quotations are found again.
QUOTES_VERSION = 32
