"""Python's repr of doubles given by their IEEE-754 bits: reads JSON lines {"bits"}, writes {"repr"}."""
import json
import struct
import sys

for line in sys.stdin:
    bits = json.loads(line)["bits"]
    value = struct.unpack("<d", struct.pack("<q", bits))[0]
    sys.stdout.write(json.dumps({"repr": repr(value)}) + "\n")
