{
  "algorithm": "ed25519",
  "key_id": "7df5416f122e6dc3",
  "signature": "kpmhWbJRDounLC7M/vSiISNTxutO3tJoJhaFed+h8DqeHdCWxcfT0OjBY1S99XADjCV55gZRYuatj+1zXMjwCw=="
}
