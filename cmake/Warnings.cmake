# Warnings as errors on the project's own targets only: generated and third-party code keeps its own.
function(waymark_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                         -Wno-sign-conversion -Wno-missing-field-initializers -Wnon-virtual-dtor -Wold-style-cast -Werror)
endfunction()
