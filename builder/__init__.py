"""Site building for Supportwijzer: everything ``build.py`` runs, one step per module."""
