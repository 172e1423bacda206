"""Subscription-message pushes (订阅消息推送): intents, credits, templates, delivery."""
