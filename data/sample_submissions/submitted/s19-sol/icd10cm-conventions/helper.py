def tidy(code):
    return code.strip().upper()
