# Runs `waymark-cli rules check DIR/pack.yaml` and expects exit 1 with exactly DIR/expected.txt on stderr.
get_filename_component(name ${DIR} NAME)
execute_process(COMMAND ${CLI} rules check ${name}/pack.yaml
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ ${DIR}/expected.txt expected)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit 1, got ${rc}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "expected nothing on stdout, got: ${out}")
endif()
if(NOT err STREQUAL expected)
  message(FATAL_ERROR "stderr differs.\n--- expected\n${expected}--- got\n${err}")
endif()
