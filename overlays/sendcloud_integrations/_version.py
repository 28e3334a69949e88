__version__ = "0.1.0"

# info.version of openapi/integrations.yaml; tests/test_spec.py pins the two together.
SPEC_VERSION = "3.0.0"
