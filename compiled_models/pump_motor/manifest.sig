{
  "algorithm": "ed25519",
  "key_id": "3c496e64524cda5b",
  "signature": "5w/3EnudoqZ8yzQ6couOnXeNSIRT7dtw5eU2opAcYDBlFGxTO+tPrI9OasMqdeVWV37pOdN6R0xOZD6KR6UfDA=="
}
