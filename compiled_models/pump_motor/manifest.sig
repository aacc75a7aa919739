{
  "algorithm": "ed25519",
  "key_id": "31cc73f77c9bd5c6",
  "signature": "jTtHsvZJ1bi1fyG3m/ZWn8phmvDHCFCrnCFJT+vxRfkR8+Cl8TYi8APy71os+ZGQHwo0Sx5RXu0i+M2oM9TeCA=="
}
