{
  "algorithm": "ed25519",
  "key_id": "a71be76e896d2b53",
  "signature": "fOwUzNT0EhOJn52OnqNGg98tGDD52KZY3fwLkUXwwyOdRAGGCHK4R4bP4iciaMUaVCrDnUGfIU/ibzUdn9ZkCg=="
}
