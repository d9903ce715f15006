"""plancompiler: checks a municipality's interactive-policy plan against the MOVISIE method."""
__version__ = "0.1.0"
