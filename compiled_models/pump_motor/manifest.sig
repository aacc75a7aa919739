{
  "algorithm": "ed25519",
  "key_id": "7df5416f122e6dc3",
  "signature": "YTZgY3OWKjPPO+3/TcNaUH8HC8dx8gpMQgJpxLtw0gusFdw8DxXSMu/O/fFcbUmI0/l8CDl0xrca/f2LpjAuAQ=="
}
