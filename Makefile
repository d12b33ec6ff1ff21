# The two commands (see README): `make demo` and `make test`. Both set the machine up first.
.PHONY: setup demo test build

setup:
	bash scripts/setup.sh

build: setup
	cargo build -q -p chainkit-sandbox

demo: build
	bash scripts/with-sandbox.sh bash scripts/demo.sh

test: build
	bash scripts/with-sandbox.sh bash scripts/test.sh
