{
  "algorithm": "ed25519",
  "key_id": "7df5416f122e6dc3",
  "signature": "VGM+1SbEvfUzfI8dNN/BJp07Hz1pZznS6ejYTit3hT0kxsJ/01wgIOLOxnkD/oKciONsyuG9v3MPNwmoNEsTBQ=="
}
