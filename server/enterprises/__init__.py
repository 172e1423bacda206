"""惠企政策 matching: enterprises, eligibility rules, matches (企业画像与政策匹配)."""
