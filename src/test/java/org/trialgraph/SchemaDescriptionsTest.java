package org.trialgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/** GraphiQL documents the graph only if schema.graphqls describes every type, field, argument and value. */
class SchemaDescriptionsTest {

    @Test
    void everyTypeFieldArgumentAndEnumValueIsDescribed() throws IOException {
        TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls")));
        List<String> undescribed = new ArrayList<>();
        for (TypeDefinition<?> type : registry.types().values()) {
            check(type.getName(), descriptionOf(type), undescribed);
            if (type instanceof ObjectTypeDefinition object) {
                object.getFieldDefinitions().forEach(field -> {
                    check(type.getName() + "." + field.getName(), field.getDescription(), undescribed);
                    field.getInputValueDefinitions().forEach(arg -> check(type.getName() + "." + field.getName()
                            + "(" + arg.getName() + ")", arg.getDescription(), undescribed));
                });
            } else if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(field -> check(type.getName() + "." + field.getName(),
                        field.getDescription(), undescribed));
            } else if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions().forEach(value -> check(type.getName() + "." + value.getName(),
                        value.getDescription(), undescribed));
            }
        }
        assertThat(undescribed).as("schema elements without a description").isEmpty();
    }

    private static Description descriptionOf(TypeDefinition<?> type) {
        if (type instanceof ObjectTypeDefinition object) {
            return object.getDescription();
        }
        if (type instanceof InputObjectTypeDefinition input) {
            return input.getDescription();
        }
        if (type instanceof EnumTypeDefinition enumType) {
            return enumType.getDescription();
        }
        return new Description("other kinds of types are checked when the schema uses them", null, false);
    }

    private static void check(String element, Description description, List<String> undescribed) {
        if (description == null || description.getContent().isBlank()) {
            undescribed.add(element);
        }
    }
}
