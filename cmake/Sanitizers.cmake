# WAYMARK_SANITIZE=ON: every target (ours and the tests) built with ASan + UBSan; any report aborts.
if(WAYMARK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
