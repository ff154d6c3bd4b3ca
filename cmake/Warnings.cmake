# Warnings on the project's own code only: generated and third-party code keeps its own.
# WAYMARK_WERROR (default ON, as developers and CI build): warnings are errors. Packagers build with
# -DWAYMARK_WERROR=OFF, so that a newer compiler's new warning (or a false positive, such as GCC 12's
# -Wrestrict and -Wmaybe-uninitialized inside libstdc++ at -O3) cannot fail a distribution build.
option(WAYMARK_WERROR "Treat warnings in Waymark's own code as errors (developers and CI)" ON)
set(WAYMARK_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wno-missing-field-initializers -Wnon-virtual-dtor -Wold-style-cast)
if(WAYMARK_WERROR)
  list(APPEND WAYMARK_WARNING_FLAGS -Werror)
endif()
# GCC 12 at -O3 (Release) reports -Wrestrict inside libstdc++ for every `"text" + std::string(...)`
# (GCC PR 105651, fixed in GCC 13): an overlap of 2^63 bytes that cannot happen. Only that compiler
# loses the check; no Waymark code calls memcpy-like functions on overlapping buffers.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  list(APPEND WAYMARK_WARNING_FLAGS -Wno-restrict)
endif()

function(waymark_warnings target)
  target_compile_options(${target} PRIVATE ${WAYMARK_WARNING_FLAGS})
endfunction()

# For a target that also compiles generated code (a QML module's qmlcachegen output does not pass
# -Wshadow): the warnings go on the listed sources only.
function(waymark_warnings_on_sources)
  set_source_files_properties(${ARGN} DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
                              PROPERTIES COMPILE_OPTIONS "${WAYMARK_WARNING_FLAGS}")
endfunction()
