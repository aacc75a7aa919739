{
  "algorithm": "ed25519",
  "key_id": "7df5416f122e6dc3",
  "signature": "vRv70+rxgBqzCD5YoJwXw+7GZw2aHsQnwKSvh7WhSks+3KTJWnoNNh+odGo1N6QJySrvULVHv8Bilg68OtoaBQ=="
}
