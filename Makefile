# Convenience wrapper; tasks.py does the work so that a machine without make can use it too.
PYTHON ?= python3
.PHONY: example test bench venv docs
example: ; $(PYTHON) tasks.py example
test: ; $(PYTHON) tasks.py test
bench: ; $(PYTHON) tasks.py bench
venv: ; $(PYTHON) tasks.py venv
docs: ; $(PYTHON) tasks.py docs
