include $(sort $(wildcard $(BR2_EXTERNAL_AASTRELI_PATH)/package/*/*.mk))
