{
  "algorithm": "ed25519",
  "key_id": "3c496e64524cda5b",
  "signature": "bnC2fGbbuvUunNPzUTD6KDyt08HxkjW3Hcp9eGUR6g/jojDnRbZ2stm5Kk57jhuHk4l281eOWorw+idxfs2bDw=="
}
