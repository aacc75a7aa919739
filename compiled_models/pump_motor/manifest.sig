{
  "algorithm": "ed25519",
  "key_id": "3c496e64524cda5b",
  "signature": "oIvkMyOXrAdUgCjFY9na9DrtS24S5hTglu0QHgmvH0+0cBmJx8O6mS1ACfPsLnvIS1dxCxwI+tbapRIzMivTBw=="
}
