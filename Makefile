# Two commands do everything on a fresh machine:
#   make demo   - create .venv, install, run the extraction on data/raw/, execute the notebooks
#   make test   - create .venv if missing, install, run every test (notebooks under nbval)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test install bench sweep lock notebooks clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(PY) -m toolkit summary data/raw
	mkdir -p reports/figures
	cd notebooks && MPLBACKEND=Agg ../$(VENV)/bin/jupyter nbconvert --to html --execute \
		--ExecutePreprocessor.timeout=600 --output-dir ../reports *.ipynb
	$(PY) -m toolkit extract data/raw --out data/processed --quiet
	$(PY) -m toolkit classify data/processed/statements.csv --out data/processed/statements.csv

test: $(STAMP)
	MPLBACKEND=Agg $(PY) -m pytest -q tests notebooks --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

bench: $(STAMP)
	$(PY) benchmarks/run.py

# Hunt for failures beyond the suite's own draws: every property test (or those of TESTS) with SCALE times its
# examples, new ones on each run (a failure prints how to reproduce it; pin it with @example).
SCALE ?= 10
TESTS ?= tests
sweep: $(STAMP)
	HYPOTHESIS_PROFILE=explore HYPOTHESIS_SCALE=$(SCALE) MPLBACKEND=Agg $(PY) -m pytest -q $(TESTS) -m hypothesis \
		-p no:cacheprovider

# Re-execute the notebooks in place (after a change that moves their outputs); no timestamps are stored.
notebooks: $(STAMP)
	cd notebooks && MPLBACKEND=Agg ../$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=600 *.ipynb

# Re-pin the versions everything is tested with (run after changing dependencies).
lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^-e ' > constraints.txt

clean:
	rm -rf $(VENV) data/processed reports
