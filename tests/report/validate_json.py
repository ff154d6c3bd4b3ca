"""Validates JSON files against a JSON Schema (draft 2020-12) with python3-jsonschema.
Usage: validate_json.py SCHEMA FILE...; exit 1 and each problem on stderr if any file is invalid."""
import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for name in sys.argv[2:]:
        with open(name, encoding="utf-8") as f:
            doc = json.load(f)
        for error in validator.iter_errors(doc):
            bad += 1
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{name}: /{where}: {error.message}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
