"""Relations: the domain layer (models, storage, services, import/export, CLI).

Nothing in this package imports Qt or ``ui``; an import-linter contract in
``pyproject.toml`` enforces it.
"""

__version__ = "0.1.0"
