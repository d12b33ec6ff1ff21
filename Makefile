# The commands (see README): `make demo`, `make test` and `make dist`. Each sets the machine up first.
.PHONY: setup demo test build dist

setup:
	bash scripts/setup.sh

build: setup
	cargo build -q -p chainkit-sandbox

demo: build
	bash scripts/with-sandbox.sh bash scripts/demo.sh

test: build
	bash scripts/with-sandbox.sh bash scripts/test.sh

# Every release artifact (npm, pip wheels and sdist, the sandbox, the Kotlin jar, Swift sources) into dist/.
dist: setup
	bash scripts/dist.sh
